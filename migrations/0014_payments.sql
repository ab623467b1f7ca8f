CREATE TABLE `checkout_claims` (
	`tenant_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`token` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `invoice_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `client_credits` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`checkout_session_id` text NOT NULL,
	`payment_intent_id` text,
	`state` text NOT NULL,
	`refund_id` text,
	`created_at` integer NOT NULL,
	`refunded_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_credits_session_idx` ON `client_credits` (`tenant_id`,`checkout_session_id`);--> statement-breakpoint
CREATE INDEX `client_credits_client_idx` ON `client_credits` (`tenant_id`,`client_id`,`currency`);--> statement-breakpoint
CREATE INDEX `client_credits_intent_idx` ON `client_credits` (`tenant_id`,`payment_intent_id`);--> statement-breakpoint
CREATE TABLE `stripe_disputes` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`payment_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`owed` integer NOT NULL,
	`event_created` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stripe_disputes_invoice_idx` ON `stripe_disputes` (`tenant_id`,`invoice_id`);--> statement-breakpoint
CREATE TABLE `stripe_connect_accounts` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`livemode` integer NOT NULL,
	`charges_enabled` integer DEFAULT false NOT NULL,
	`details_submitted` integer DEFAULT false NOT NULL,
	`requirements_due` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stripe_connect_accounts_account_idx` ON `stripe_connect_accounts` (`account_id`);--> statement-breakpoint
CREATE TABLE `stripe_oauth_states` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stripe_oauth_states_tenant_idx` ON `stripe_oauth_states` (`tenant_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `documents` ADD `dispute` text;--> statement-breakpoint
ALTER TABLE `checkout_sessions` ADD `params_hash` text;