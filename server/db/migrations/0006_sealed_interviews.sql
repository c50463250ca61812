PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_interviews` (
	`id` text PRIMARY KEY NOT NULL,
	`assignment_id` text NOT NULL,
	`enumerator_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`current_revision` integer NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`outcome` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enumerator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "interviews_status_check" CHECK(status in ('sealed', 'received', 'validated', 'approved_by_supervisor', 'returned', 'approved', 'rejected'))
);
--> statement-breakpoint
INSERT INTO `__new_interviews`("id", "assignment_id", "enumerator_id", "questionnaire_id", "questionnaire_version", "current_revision", "status", "outcome", "created_at", "updated_at") SELECT "id", "assignment_id", "enumerator_id", "questionnaire_id", "questionnaire_version", "current_revision", "status", "outcome", "created_at", "updated_at" FROM `interviews`;--> statement-breakpoint
DROP TABLE `interviews`;--> statement-breakpoint
ALTER TABLE `__new_interviews` RENAME TO `interviews`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `interviews_enumerator_idx` ON `interviews` (`enumerator_id`);--> statement-breakpoint
CREATE INDEX `interviews_assignment_idx` ON `interviews` (`assignment_id`);