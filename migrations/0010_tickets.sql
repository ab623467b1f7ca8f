CREATE TABLE `inbound_mail` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`ticket_id` text,
	`from_address` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text,
	`outcome` text NOT NULL,
	`reason` text,
	`message_id` text,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `inbound_mail_tenant_idx` ON `inbound_mail` (`tenant_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `ticket_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`author` text NOT NULL,
	`via` text NOT NULL,
	`author_name` text,
	`body` text NOT NULL,
	`internal` integer DEFAULT false NOT NULL,
	`attachments` text NOT NULL,
	`message_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_messages_thread_idx` ON `ticket_messages` (`tenant_id`,`ticket_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_messages_message_id_idx` ON `ticket_messages` (`tenant_id`,`message_id`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text NOT NULL,
	`subject` text NOT NULL,
	`status` text NOT NULL,
	`invoice_id` text,
	`last_message_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tickets_inbox_idx` ON `tickets` (`tenant_id`,`status`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `tickets_client_idx` ON `tickets` (`tenant_id`,`client_id`,`last_message_at`);--> statement-breakpoint
ALTER TABLE `emails` ADD `ticket_message_id` text;