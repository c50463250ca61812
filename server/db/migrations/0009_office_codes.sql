CREATE TABLE `office_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey` text NOT NULL,
	`pair` text NOT NULL,
	`text_key` text NOT NULL,
	`code` text NOT NULL,
	`coded_by` text NOT NULL,
	`coded_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`coded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `office_codes_text_idx` ON `office_codes` (`survey`,`pair`,`text_key`,`id`);