ALTER TABLE `api_keys` ADD `scope` text DEFAULT 'write' NOT NULL;--> statement-breakpoint
ALTER TABLE `inbound_mail` ADD `raw_key` text;--> statement-breakpoint
CREATE INDEX `inbound_mail_held_idx` ON `inbound_mail` (`received_at`) WHERE "inbound_mail"."raw_key" is not null;--> statement-breakpoint
ALTER TABLE `activity` ADD `digest_email_id` text;--> statement-breakpoint
CREATE INDEX `activity_digest_idx` ON `activity` (`tenant_id`,`digest_email_id`);