ALTER TABLE `api_keys` ADD `scope` text DEFAULT 'write' NOT NULL;--> statement-breakpoint
ALTER TABLE `inbound_mail` ADD `raw_key` text;--> statement-breakpoint
ALTER TABLE `activity` ADD `digest_email_id` text;--> statement-breakpoint
CREATE INDEX `activity_digest_idx` ON `activity` (`tenant_id`,`digest_email_id`);