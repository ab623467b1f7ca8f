-- Credit notes and the client's credit balance (#27)
CREATE TABLE `credit_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`number` text NOT NULL,
	`currency` text NOT NULL,
	`language` text NOT NULL,
	`issue_date` text NOT NULL,
	`reason` text NOT NULL,
	`lines` text NOT NULL,
	`subtotal` integer NOT NULL,
	`tax_total` integer NOT NULL,
	`total` integer NOT NULL,
	`to_invoice` integer NOT NULL,
	`to_credit` integer NOT NULL,
	`snapshot` text NOT NULL,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_notes_number_idx` ON `credit_notes` (`tenant_id`,`number`);--> statement-breakpoint
CREATE INDEX `credit_notes_client_idx` ON `credit_notes` (`tenant_id`,`client_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `credit_notes_invoice_idx` ON `credit_notes` (`tenant_id`,`invoice_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_client_credits` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text NOT NULL,
	`invoice_id` text,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`checkout_session_id` text,
	`payment_intent_id` text,
	`state` text NOT NULL,
	`refund_id` text,
	`created_at` integer NOT NULL,
	`refunded_at` integer,
	`source` text DEFAULT 'stripe' NOT NULL,
	`credit_note_id` text,
	`payment_id` text,
	`reference` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_client_credits`("id", "tenant_id", "client_id", "invoice_id", "amount", "currency", "checkout_session_id", "payment_intent_id", "state", "refund_id", "created_at", "refunded_at", "source", "credit_note_id", "payment_id", "reference") SELECT "id", "tenant_id", "client_id", "invoice_id", "amount", "currency", "checkout_session_id", "payment_intent_id", "state", "refund_id", "created_at", "refunded_at", 'stripe', NULL, NULL, NULL FROM `client_credits`;--> statement-breakpoint
DROP TABLE `client_credits`;--> statement-breakpoint
ALTER TABLE `__new_client_credits` RENAME TO `client_credits`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `client_credits_session_idx` ON `client_credits` (`tenant_id`,`checkout_session_id`);--> statement-breakpoint
CREATE INDEX `client_credits_client_idx` ON `client_credits` (`tenant_id`,`client_id`,`currency`);--> statement-breakpoint
CREATE INDEX `client_credits_intent_idx` ON `client_credits` (`tenant_id`,`payment_intent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `client_credits_credit_note_idx` ON `client_credits` (`tenant_id`,`credit_note_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `client_credits_payment_idx` ON `client_credits` (`tenant_id`,`payment_id`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `credit_note_number_format` text DEFAULT 'CN-{YYYY}-{seq:4}' NOT NULL;
--> statement-breakpoint
-- Recurring invoices (#27)
CREATE TABLE `recurring_invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text NOT NULL,
	`currency` text NOT NULL,
	`lines` text NOT NULL,
	`notes` text,
	`payment_terms_days` integer,
	`frequency` text NOT NULL,
	`interval` integer NOT NULL,
	`day_of_month` integer,
	`start_date` text NOT NULL,
	`end_date` text,
	`count` integer,
	`time_zone` text NOT NULL,
	`auto_send` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`next_run_date` text,
	`next_index` integer DEFAULT 0 NOT NULL,
	`invoices_created` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recurring_invoices_list_idx` ON `recurring_invoices` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `recurring_invoices_due_idx` ON `recurring_invoices` (`status`,`next_run_date`);--> statement-breakpoint
CREATE TABLE `recurring_runs` (
	`tenant_id` text NOT NULL,
	`recurring_id` text NOT NULL,
	`period_start` text NOT NULL,
	`invoice_id` text NOT NULL,
	`send_pending` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`recurring_id`, `period_start`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recurring_id`) REFERENCES `recurring_invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recurring_runs_tenant_idx` ON `recurring_runs` (`tenant_id`,`recurring_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `recurring_runs_pending_idx` ON `recurring_runs` (`send_pending`);
--> statement-breakpoint
-- Reminders on a schedule (#27): the single "N days after due" rule becomes a list of steps.
-- A business with reminders on gets the one step it had; its reminder_log rows keep their
-- key (`after:N` is that step's key), so what was sent stays sent.
ALTER TABLE `tenants` ADD `reminder_steps` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `reminders_pause_for_tickets` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `tenants` SET `reminder_steps` = json_array(json_object('offsetDays', `reminder_days_after_due`)) WHERE `reminders_enabled` = 1;--> statement-breakpoint
ALTER TABLE `tenants` DROP COLUMN `reminders_enabled`;--> statement-breakpoint
ALTER TABLE `tenants` DROP COLUMN `reminder_days_after_due`;--> statement-breakpoint
ALTER TABLE `reminder_log` ADD `outcome` text DEFAULT 'sent' NOT NULL;--> statement-breakpoint
ALTER TABLE `emails` ADD `variant` text;
