CREATE TABLE "body_loads" (
	"body_id" uuid PRIMARY KEY NOT NULL,
	"open_cases" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "body_loads" ADD CONSTRAINT "body_loads_body_id_organizations_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disputes_body_open_queue_idx" ON "disputes" USING btree ("body_id","due_at","created_at" DESC NULLS FIRST) WHERE status in ('routed', 'accepted', 'in_mediation', 'agreement_pending', 'returned', 'district_queue', 'received');--> statement-breakpoint
CREATE INDEX "disputes_open_queue_idx" ON "disputes" USING btree ("created_at" DESC NULLS FIRST) WHERE status in ('routed', 'accepted', 'in_mediation', 'agreement_pending', 'returned', 'district_queue', 'received');--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries" USING btree ("received_at") WHERE status = 'pending';--> statement-breakpoint
-- Hand-written below this line (drizzle-kit does not express triggers). The status list is LOAD_STATUSES
-- (libs/db/src/sql-list.ts); body-loads.int-spec.ts checks that body_loads equals a fresh count after every kind of change.
-- Statement-level: one upsert per statement, per-body net deltas applied in body_id order, so two statements
-- moving cases between the same bodies lock the counters in the same order (no deadlock between them).
CREATE FUNCTION "tj_body_loads_apply"(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "body_loads" AS b ("body_id", "open_cases")
  SELECT (d.key)::uuid, (d.value)::int FROM jsonb_each_text(deltas) d WHERE (d.value)::int <> 0 ORDER BY 1
  ON CONFLICT ("body_id") DO UPDATE SET "open_cases" = b."open_cases" + excluded."open_cases"
$$;
--> statement-breakpoint
CREATE FUNCTION "tj_body_loads_ins"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "tj_body_loads_apply"((SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (
    SELECT "body_id"::text AS k, count(*) AS n FROM tj_new
    WHERE "body_id" IS NOT NULL AND "status" IN ('routed', 'accepted', 'in_mediation', 'agreement_pending') GROUP BY 1) x));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "tj_body_loads_del"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "tj_body_loads_apply"((SELECT coalesce(jsonb_object_agg(k, -n), '{}') FROM (
    SELECT "body_id"::text AS k, count(*) AS n FROM tj_old
    WHERE "body_id" IS NOT NULL AND "status" IN ('routed', 'accepted', 'in_mediation', 'agreement_pending') GROUP BY 1) x));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "tj_body_loads_upd"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "tj_body_loads_apply"((SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (
    SELECT k, sum(s) AS n FROM (
      SELECT "body_id"::text AS k, -1 AS s FROM tj_old WHERE "body_id" IS NOT NULL AND "status" IN ('routed', 'accepted', 'in_mediation', 'agreement_pending')
      UNION ALL
      SELECT "body_id"::text AS k, 1 AS s FROM tj_new WHERE "body_id" IS NOT NULL AND "status" IN ('routed', 'accepted', 'in_mediation', 'agreement_pending')
    ) c GROUP BY k) x));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "tj_body_loads_ins" AFTER INSERT ON "disputes" REFERENCING NEW TABLE AS tj_new FOR EACH STATEMENT EXECUTE FUNCTION "tj_body_loads_ins"();
--> statement-breakpoint
CREATE TRIGGER "tj_body_loads_upd" AFTER UPDATE ON "disputes" REFERENCING OLD TABLE AS tj_old NEW TABLE AS tj_new FOR EACH STATEMENT EXECUTE FUNCTION "tj_body_loads_upd"();
--> statement-breakpoint
CREATE TRIGGER "tj_body_loads_del" AFTER DELETE ON "disputes" REFERENCING OLD TABLE AS tj_old FOR EACH STATEMENT EXECUTE FUNCTION "tj_body_loads_del"();
--> statement-breakpoint
INSERT INTO "body_loads" ("body_id", "open_cases")
SELECT "body_id", count(*) FROM "disputes"
WHERE "body_id" IS NOT NULL AND "status" IN ('routed', 'accepted', 'in_mediation', 'agreement_pending') GROUP BY 1;
