CREATE TABLE `portal_links` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portal_links_token_hash_unique` ON `portal_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `portal_links_client_idx` ON `portal_links` (`tenant_id`,`client_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `portal_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text NOT NULL,
	`link_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `portal_sessions_link_idx` ON `portal_sessions` (`link_id`);--> statement-breakpoint
CREATE INDEX `portal_sessions_client_idx` ON `portal_sessions` (`tenant_id`,`client_id`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `portal_link_days` integer DEFAULT 30 NOT NULL;