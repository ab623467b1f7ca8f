CREATE TABLE `dev_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`email_id` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`raw_key` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dev_outbox_created_idx` ON `dev_outbox` (`created_at`);--> statement-breakpoint
CREATE TABLE `email_templates` (
	`tenant_id` text NOT NULL,
	`scope` text NOT NULL,
	`kind` text NOT NULL,
	`language` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `scope`, `kind`, `language`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `emails` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text,
	`document_id` text,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text,
	`status` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`provider_id` text,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `emails_idempotency_idx` ON `emails` (`tenant_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `emails_client_idx` ON `emails` (`tenant_id`,`client_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `emails_tenant_idx` ON `emails` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `reminder_log` (
	`tenant_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`rule` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `invoice_id`, `rule`)
);
--> statement-breakpoint
ALTER TABLE `tenants` ADD `reminders_enabled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `reminder_days_after_due` integer DEFAULT 3 NOT NULL;