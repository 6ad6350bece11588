CREATE TABLE "platform"."number_series" (
	"tenant_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"series" text NOT NULL,
	"prefix" text DEFAULT '' NOT NULL,
	"padding" integer DEFAULT 8 NOT NULL,
	"yearly_reset" boolean DEFAULT false NOT NULL,
	"year" integer,
	"next" bigint DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "number_series_pkey" PRIMARY KEY("tenant_id","document_type","series"),
	CONSTRAINT "number_series_padding_check" CHECK ("platform"."number_series"."padding" between 1 and 20),
	CONSTRAINT "number_series_next_check" CHECK ("platform"."number_series"."next" >= 1)
);
