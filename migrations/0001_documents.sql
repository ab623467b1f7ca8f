CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`number` text,
	`currency` text NOT NULL,
	`language` text NOT NULL,
	`issue_date` text NOT NULL,
	`due_date` text,
	`valid_until` text,
	`lines` text NOT NULL,
	`discount_percent_e2` integer DEFAULT 0 NOT NULL,
	`notes` text,
	`footer` text,
	`subtotal` integer NOT NULL,
	`discount_total` integer NOT NULL,
	`tax_total` integer NOT NULL,
	`total` integer NOT NULL,
	`amount_paid` integer DEFAULT 0 NOT NULL,
	`snapshot` text,
	`source_estimate_id` text,
	`converted_invoice_id` text,
	`rejection_reason` text,
	`sent_at` integer,
	`viewed_at` integer,
	`decided_at` integer,
	`voided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_client_summary_idx` ON `documents` (`tenant_id`,`client_id`,`type`,`status`,`currency`,`due_date`,`valid_until`,`total`,`amount_paid`,`updated_at`);--> statement-breakpoint
CREATE INDEX `documents_list_idx` ON `documents` (`tenant_id`,`type`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `documents_client_created_idx` ON `documents` (`tenant_id`,`client_id`,`created_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_number_idx` ON `documents` (`tenant_id`,`type`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_source_estimate_idx` ON `documents` (`source_estimate_id`);--> statement-breakpoint
CREATE TABLE `number_sequences` (
	`tenant_id` text NOT NULL,
	`scope` text NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `scope`)
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`client_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`date` text NOT NULL,
	`method` text NOT NULL,
	`reference` text,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_invoice_idx` ON `payments` (`tenant_id`,`invoice_id`);--> statement-breakpoint
CREATE INDEX `payments_client_idx` ON `payments` (`tenant_id`,`client_id`,`created_at`);