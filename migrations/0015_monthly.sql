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
