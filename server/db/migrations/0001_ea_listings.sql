CREATE TABLE `ea_listings` (
	`ea_code` text PRIMARY KEY NOT NULL,
	`questionnaire_id` text NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`eligible` integer NOT NULL,
	`ineligible` integer NOT NULL,
	`unknown` integer NOT NULL,
	`out_of_scope` integer NOT NULL,
	`selected` integer NOT NULL,
	`answers` text NOT NULL,
	`listed_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`ea_code`) REFERENCES `enumeration_areas`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`listed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "listings_counts_check" CHECK(eligible >= 0 and ineligible >= 0 and unknown >= 0 and out_of_scope >= 0),
	CONSTRAINT "listings_selected_check" CHECK(selected >= 0 and selected <= eligible)
);
--> statement-breakpoint
ALTER TABLE `households` ADD `eligible_line` integer;--> statement-breakpoint
ALTER TABLE `households` ADD `hh_class` text;