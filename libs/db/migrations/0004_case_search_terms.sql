CREATE TABLE "case_search_terms" (
	"dispute_id" uuid NOT NULL,
	"term" text COLLATE "C" NOT NULL,
	"rank" smallint NOT NULL,
	"fields" smallint NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_search_terms_dispute_id_term_pk" PRIMARY KEY("dispute_id","term")
);
--> statement-breakpoint
ALTER TABLE "case_search_terms" ADD CONSTRAINT "case_search_terms_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_search_terms_order_idx" ON "case_search_terms" USING btree ("term","rank","received_at" DESC NULLS LAST,"dispute_id" DESC NULLS LAST);