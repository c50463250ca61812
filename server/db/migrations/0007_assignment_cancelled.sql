PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`enumerator_id` text NOT NULL,
	`status` text DEFAULT 'assigned' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enumerator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assignments_status_check" CHECK(status in ('assigned', 'in_progress', 'submitted', 'returned', 'approved', 'cancelled'))
);
--> statement-breakpoint
INSERT INTO `__new_assignments`("id", "household_id", "questionnaire_id", "questionnaire_version", "enumerator_id", "status", "created_at") SELECT "id", "household_id", "questionnaire_id", "questionnaire_version", "enumerator_id", "status", "created_at" FROM `assignments`;--> statement-breakpoint
DROP TABLE `assignments`;--> statement-breakpoint
ALTER TABLE `__new_assignments` RENAME TO `assignments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `assignments_enumerator_idx` ON `assignments` (`enumerator_id`);