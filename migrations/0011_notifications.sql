CREATE TABLE `activity` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`client_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`facts` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_tenant_idx` ON `activity` (`tenant_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `emails` ADD `activity_id` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `notify_estimate_decisions` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `notify_online_payments` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `notify_tickets` integer DEFAULT true NOT NULL;