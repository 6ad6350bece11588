DROP INDEX "catalog"."items_name_trgm_idx";--> statement-breakpoint
DROP INDEX "catalog"."items_sku_trgm_idx";--> statement-breakpoint
DROP INDEX "catalog"."items_barcode_trgm_idx";--> statement-breakpoint
DROP INDEX "crm"."contacts_name_trgm_idx";--> statement-breakpoint
DROP INDEX "crm"."leads_name_trgm_idx";--> statement-breakpoint
DROP INDEX "crm"."opportunities_title_trgm_idx";--> statement-breakpoint
DROP INDEX "crm"."parties_name_trgm_idx";