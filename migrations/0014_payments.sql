-- checkout: every parameter of a Checkout Session, hashed, so an open one is reused only when identical
ALTER TABLE `checkout_sessions` ADD `params_hash` text;
--> statement-breakpoint
-- Stripe Connect: the business's connected account, routed by its account id
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
CREATE UNIQUE INDEX `stripe_connect_accounts_account_idx` ON `stripe_connect_accounts` (`account_id`);
