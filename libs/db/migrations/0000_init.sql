CREATE SEQUENCE "public"."dispute_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "confirmation_applications" (
	"dispute_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "court_referrals" (
	"dispute_id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"referral_type" text NOT NULL,
	"procedure" text,
	"court_case_number" text NOT NULL,
	"cause_of_action" text NOT NULL,
	"claim_amount" numeric(14, 2),
	"judge_name" text,
	"referred_on" date NOT NULL,
	"mediation_days" integer NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "dispute_agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"party_id" uuid NOT NULL,
	"dispute_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"user_id" uuid,
	"agent_type" text DEFAULT 'entrusted' NOT NULL,
	"power_of_attorney" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"online" boolean NOT NULL,
	"place" text,
	"mode" text NOT NULL,
	"participants" jsonb NOT NULL,
	"record" text,
	"recorded_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recorded_by" uuid,
	"method" text NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performance_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"done_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "satisfaction_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"party_id" uuid,
	"rating" text NOT NULL,
	"comment" text,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_signatures" (
	"agreement_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"method" text NOT NULL,
	"ip" text,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_signatures_agreement_id_party_id_pk" PRIMARY KEY("agreement_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"terms" jsonb NOT NULL,
	"performance_due_on" text,
	"content_hash" text NOT NULL,
	"status" text DEFAULT 'signing' NOT NULL,
	"drafted_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"data" jsonb,
	"seq" bigint,
	"prev_hash" text,
	"hash" text,
	CONSTRAINT "audit_log_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "case_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"reason" text,
	"data" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"code" text PRIMARY KEY NOT NULL,
	"street_code" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"role" text NOT NULL,
	"party_type" text DEFAULT 'person' NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"id_number" text,
	"user_id" uuid,
	"representative" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"category" text NOT NULL,
	"kind" text DEFAULT 'peoples' NOT NULL,
	"channel" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"street_code" text,
	"community_code" text,
	"address" text,
	"claim_amount" numeric(14, 2),
	"people_involved" integer DEFAULT 2 NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"body_id" uuid,
	"mediator_id" uuid,
	"created_by" uuid,
	"client_key" text,
	"routing" jsonb,
	"session_mode" text DEFAULT 'joint' NOT NULL,
	"deadline_regime" text,
	"enterprise_related" boolean DEFAULT false NOT NULL,
	"former_body_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"outcome" text,
	"accepted_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disputes_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"room_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" uuid,
	"sender_name" text NOT NULL,
	"sender_role" text NOT NULL,
	"client_msg_id" text,
	"kind" text DEFAULT 'text' NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_room_id_seq_pk" PRIMARY KEY("room_id","seq"),
	CONSTRAINT "messages_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"dispute_id" uuid,
	"dedupe_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"street_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"community_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "otp_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"purpose" text DEFAULT 'sign_in' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"body" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"family_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refresh_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid,
	"kind" text NOT NULL,
	"party_id" uuid,
	"title" text NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"ip" text,
	"ok" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "socket_io_attachments" (
	"id" bigserial NOT NULL,
	"created_at" timestamp with time zone DEFAULT now(),
	"payload" "bytea",
	CONSTRAINT "socket_io_attachments_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "streets" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text,
	"phone" text,
	"display_name" text NOT NULL,
	"password_hash" text,
	"role" text NOT NULL,
	"org_id" uuid,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_phone_unique" UNIQUE("phone")
);
--> statement-breakpoint
CREATE TABLE "deadline_adjustments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"regime" text NOT NULL,
	"kind" text NOT NULL,
	"days" integer,
	"reason" text,
	"consent_by" text[] DEFAULT '{}' NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workday_calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"holidays" text[] NOT NULL,
	"makeup_workdays" text[] NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediator_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediator_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"party_key" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"body_id" uuid,
	"manual" boolean DEFAULT false NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"explanation" jsonb NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"priority" integer NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"conditions" jsonb NOT NULL,
	"target" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"uploader_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "linkage_rooms" (
	"room_id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid,
	"topic" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_members" (
	"room_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"via_org_id" uuid,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	CONSTRAINT "room_members_room_id_user_id_pk" PRIMARY KEY("room_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "room_reads" (
	"room_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_read_seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_reads_room_id_user_id_pk" PRIMARY KEY("room_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "import_rejections" (
	"run_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"column" text,
	"reason" text NOT NULL,
	"message" text NOT NULL,
	"source_id" text,
	"issues" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file" text NOT NULL,
	"format" text,
	"origin" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"actor_id" uuid,
	"rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"disputes_created" integer DEFAULT 0 NOT NULL,
	"linked" integer DEFAULT 0 NOT NULL,
	"queued_for_review" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error_message" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intake_duplicate_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_a" uuid NOT NULL,
	"record_b" uuid NOT NULL,
	"confidence" text NOT NULL,
	"score" numeric(5, 3) NOT NULL,
	"reasons" jsonb NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_match_keys" (
	"key" text NOT NULL,
	"record_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "intake_match_keys_key_accepted_at_record_id_pk" PRIMARY KEY("key","accepted_at","record_id")
);
--> statement-breakpoint
CREATE TABLE "intake_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"source_id" text NOT NULL,
	"source" text,
	"street" text,
	"community" text,
	"category" text NOT NULL,
	"dispute_category" text,
	"is_dispute" boolean NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"signed_off_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"status" text,
	"time_limit_days" integer,
	"due_at" timestamp with time zone,
	"replied_on_time" boolean,
	"satisfaction" text,
	"people_involved" integer,
	"handling_unit" text,
	"court" text,
	"cause_of_action" text,
	"claim_amount" numeric(14, 2),
	"judge" text,
	"match_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"content_hash" text NOT NULL,
	"dispute_id" uuid,
	"record" jsonb NOT NULL,
	"raw" jsonb NOT NULL,
	"last_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"payload_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stats_dispute_daily" (
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"concluded" integer DEFAULT 0 NOT NULL,
	"agreements" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"duration_count" integer DEFAULT 0 NOT NULL,
	"duration_seconds" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_dispute_daily_dim_value_day_pk" PRIMARY KEY("dim","value","day")
);
--> statement-breakpoint
CREATE TABLE "stats_dispute_delta" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sign" integer NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"street" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"duration_seconds" bigint,
	"due_day" date
);
--> statement-breakpoint
CREATE TABLE "stats_dispute_duration" (
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"month" date NOT NULL,
	"bucket" integer NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_dispute_duration_dim_value_month_bucket_pk" PRIMARY KEY("dim","value","month","bucket")
);
--> statement-breakpoint
CREATE TABLE "stats_dispute_open_due" (
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"due_day" date NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_dispute_open_due_dim_value_due_day_pk" PRIMARY KEY("dim","value","due_day")
);
--> statement-breakpoint
CREATE TABLE "stats_intake_category" (
	"month" date NOT NULL,
	"channel" text NOT NULL,
	"is_dispute" integer NOT NULL,
	"category" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_intake_category_month_channel_is_dispute_category_pk" PRIMARY KEY("month","channel","is_dispute","category")
);
--> statement-breakpoint
CREATE TABLE "stats_intake_daily" (
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"source" text NOT NULL,
	"street" text NOT NULL,
	"is_dispute" integer NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"replied_on_time" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"people_involved" bigint DEFAULT 0 NOT NULL,
	"duration_count" integer DEFAULT 0 NOT NULL,
	"duration_seconds" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_intake_daily_day_channel_source_street_is_dispute_pk" PRIMARY KEY("day","channel","source","street","is_dispute")
);
--> statement-breakpoint
CREATE TABLE "stats_intake_duration" (
	"month" date NOT NULL,
	"channel" text NOT NULL,
	"source" text NOT NULL,
	"street" text NOT NULL,
	"bucket" integer NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_intake_duration_month_channel_source_street_bucket_pk" PRIMARY KEY("month","channel","source","street","bucket")
);
--> statement-breakpoint
CREATE TABLE "stats_transition_daily" (
	"day" date NOT NULL,
	"action" text NOT NULL,
	"body" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_transition_daily_day_action_body_pk" PRIMARY KEY("day","action","body")
);
--> statement-breakpoint
CREATE TABLE "stats_transition_delta" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"action" text NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "confirmation_applications" ADD CONSTRAINT "confirmation_applications_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_applications" ADD CONSTRAINT "confirmation_applications_party_id_dispute_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."dispute_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_applications" ADD CONSTRAINT "confirmation_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_referrals" ADD CONSTRAINT "court_referrals_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_referrals" ADD CONSTRAINT "court_referrals_court_id_organizations_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_referrals" ADD CONSTRAINT "court_referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_agents" ADD CONSTRAINT "dispute_agents_party_id_dispute_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."dispute_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_agents" ADD CONSTRAINT "dispute_agents_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_agents" ADD CONSTRAINT "dispute_agents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_consents" ADD CONSTRAINT "party_consents_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_consents" ADD CONSTRAINT "party_consents_party_id_dispute_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."dispute_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_consents" ADD CONSTRAINT "party_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_items" ADD CONSTRAINT "performance_items_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_party_id_dispute_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."dispute_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_party_id_dispute_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."dispute_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_street_code_streets_code_fk" FOREIGN KEY ("street_code") REFERENCES "public"."streets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD CONSTRAINT "dispute_parties_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD CONSTRAINT "dispute_parties_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_street_code_streets_code_fk" FOREIGN KEY ("street_code") REFERENCES "public"."streets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_community_code_communities_code_fk" FOREIGN KEY ("community_code") REFERENCES "public"."communities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_body_id_organizations_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_mediator_id_users_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_party_id_dispute_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."dispute_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_adjustments" ADD CONSTRAINT "deadline_adjustments_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_conflicts" ADD CONSTRAINT "mediator_conflicts_mediator_id_users_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_body_id_organizations_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploader_id_users_id_fk" FOREIGN KEY ("uploader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_rooms" ADD CONSTRAINT "linkage_rooms_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_rooms" ADD CONSTRAINT "linkage_rooms_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_rooms" ADD CONSTRAINT "linkage_rooms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_members" ADD CONSTRAINT "room_members_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_members" ADD CONSTRAINT "room_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_members" ADD CONSTRAINT "room_members_via_org_id_organizations_id_fk" FOREIGN KEY ("via_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_reads" ADD CONSTRAINT "room_reads_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_reads" ADD CONSTRAINT "room_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rejections" ADD CONSTRAINT "import_rejections_run_id_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_duplicate_pairs" ADD CONSTRAINT "intake_duplicate_pairs_record_a_intake_records_id_fk" FOREIGN KEY ("record_a") REFERENCES "public"."intake_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_duplicate_pairs" ADD CONSTRAINT "intake_duplicate_pairs_record_b_intake_records_id_fk" FOREIGN KEY ("record_b") REFERENCES "public"."intake_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_duplicate_pairs" ADD CONSTRAINT "intake_duplicate_pairs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_match_keys" ADD CONSTRAINT "intake_match_keys_record_id_intake_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."intake_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_records" ADD CONSTRAINT "intake_records_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "confirmation_apps_idx" ON "confirmation_applications" USING btree ("dispute_id","party_id");--> statement-breakpoint
CREATE UNIQUE INDEX "court_referrals_number_idx" ON "court_referrals" USING btree ("court_id","court_case_number");--> statement-breakpoint
CREATE INDEX "agents_dispute_idx" ON "dispute_agents" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "agents_phone_idx" ON "dispute_agents" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "sessions_dispute_idx" ON "mediation_sessions" USING btree ("dispute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_unique_idx" ON "party_consents" USING btree ("dispute_id","party_id","kind");--> statement-breakpoint
CREATE INDEX "performance_dispute_idx" ON "performance_items" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "ratings_dispute_idx" ON "satisfaction_ratings" USING btree ("dispute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_party_once" ON "satisfaction_ratings" USING btree ("dispute_id","party_id") WHERE source = 'party';--> statement-breakpoint
CREATE INDEX "agreements_dispute_idx" ON "agreements" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_unsealed_idx" ON "audit_log" USING btree ("id") WHERE hash is null;--> statement-breakpoint
CREATE INDEX "transitions_dispute_idx" ON "case_transitions" USING btree ("dispute_id","id");--> statement-breakpoint
CREATE INDEX "parties_dispute_idx" ON "dispute_parties" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "parties_user_idx" ON "dispute_parties" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "parties_phone_idx" ON "dispute_parties" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "disputes_body_status_idx" ON "disputes" USING btree ("body_id","status");--> statement-breakpoint
CREATE INDEX "disputes_mediator_idx" ON "disputes" USING btree ("mediator_id");--> statement-breakpoint
CREATE INDEX "disputes_created_idx" ON "disputes" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_client_key_idx" ON "disputes" USING btree ("created_by","client_key") WHERE client_key is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_client_id_idx" ON "messages" USING btree ("room_id","sender_id","client_msg_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_idx" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "otp_phone_idx" ON "otp_codes" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "outbox_status_idx" ON "outbox" USING btree ("status");--> statement-breakpoint
CREATE INDEX "rooms_dispute_idx" ON "rooms" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "sign_in_user_idx" ON "sign_in_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "sign_in_ip_idx" ON "sign_in_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "deadline_adjustments_dispute_idx" ON "deadline_adjustments" USING btree ("dispute_id","id");--> statement-breakpoint
CREATE INDEX "conflicts_mediator_idx" ON "mediator_conflicts" USING btree ("mediator_id");--> statement-breakpoint
CREATE INDEX "decisions_dispute_idx" ON "routing_decisions" USING btree ("dispute_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_message_idx" ON "attachments" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "attachments_room_idx" ON "attachments" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "linkage_rooms_dispute_idx" ON "linkage_rooms" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "room_members_user_idx" ON "room_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "import_rejections_run_idx" ON "import_rejections" USING btree ("run_id","line");--> statement-breakpoint
CREATE INDEX "import_runs_started_idx" ON "import_runs" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_pairs_ab_idx" ON "intake_duplicate_pairs" USING btree ("record_a","record_b");--> statement-breakpoint
CREATE INDEX "intake_pairs_status_idx" ON "intake_duplicate_pairs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "intake_match_keys_record_idx" ON "intake_match_keys" USING btree ("record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_records_source_idx" ON "intake_records" USING btree ("channel","source_id");--> statement-breakpoint
CREATE INDEX "intake_records_dispute_idx" ON "intake_records" USING btree ("dispute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_key_idx" ON "webhook_deliveries" USING btree ("source","idempotency_key");