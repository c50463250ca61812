CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`enumerator_id` text NOT NULL,
	`status` text DEFAULT 'assigned' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enumerator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assignments_status_check" CHECK(status in ('assigned', 'in_progress', 'submitted', 'returned', 'approved'))
);
--> statement-breakpoint
CREATE INDEX `assignments_enumerator_idx` ON `assignments` (`enumerator_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `enumeration_areas` (
	`code` text PRIMARY KEY NOT NULL,
	`stratum` text NOT NULL,
	`island` text NOT NULL,
	`municipality` text NOT NULL,
	`urban_rural` text,
	`measure_of_size` real,
	`pi1` real,
	`certainty` integer DEFAULT false NOT NULL,
	`centroid_lat` real,
	`centroid_lon` real,
	`team_id` text,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ea_pi1_check" CHECK(pi1 is null or (pi1 > 0 and pi1 <= 1))
);
--> statement-breakpoint
CREATE INDEX `ea_stratum_idx` ON `enumeration_areas` (`stratum`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`interview_id` text NOT NULL,
	`revision` integer NOT NULL,
	`source` text NOT NULL,
	`code` text NOT NULL,
	`path` text,
	`message` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `flags_interview_idx` ON `flags` (`interview_id`,`revision`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` text PRIMARY KEY NOT NULL,
	`ea_code` text NOT NULL,
	`dwelling` integer NOT NULL,
	`household` integer DEFAULT 1 NOT NULL,
	`pi2` real,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`ea_code`) REFERENCES `enumeration_areas`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hh_pi2_check" CHECK(pi2 is null or (pi2 > 0 and pi2 <= 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `households_unit_idx` ON `households` (`ea_code`,`dwelling`,`household`);--> statement-breakpoint
CREATE TABLE `interview_revisions` (
	`interview_id` text NOT NULL,
	`revision` integer NOT NULL,
	`content_hash` text NOT NULL,
	`envelope` text NOT NULL,
	`received_by` text NOT NULL,
	`received_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`validation_status` text DEFAULT 'pending' NOT NULL,
	PRIMARY KEY(`interview_id`, `revision`),
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "revisions_revision_check" CHECK(revision >= 1),
	CONSTRAINT "revisions_validation_check" CHECK(validation_status in ('pending', 'clean', 'flagged', 'failed'))
);
--> statement-breakpoint
CREATE TABLE `interviews` (
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
	CONSTRAINT "interviews_status_check" CHECK(status in ('received', 'validated', 'approved_by_supervisor', 'returned', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE INDEX `interviews_enumerator_idx` ON `interviews` (`enumerator_id`);--> statement-breakpoint
CREATE INDEX `interviews_assignment_idx` ON `interviews` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`interview_id` text NOT NULL,
	`revision` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "jobs_status_check" CHECK(status in ('pending', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `jobs_status_idx` ON `jobs` (`status`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_unit_idx` ON `jobs` (`kind`,`interview_id`,`revision`);--> statement-breakpoint
CREATE TABLE `quarantine` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`interview_id` text NOT NULL,
	`revision` integer NOT NULL,
	`reason` text NOT NULL,
	`content_hash` text NOT NULL,
	`envelope` text NOT NULL,
	`received_by` text NOT NULL,
	`received_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quarantine_copy_idx` ON `quarantine` (`interview_id`,`revision`,`content_hash`);--> statement-breakpoint
CREATE TABLE `questionnaire_versions` (
	`questionnaire_id` text NOT NULL,
	`version` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`content_hash` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`questionnaire_id`, `version`),
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "qv_status_check" CHECK(status in ('draft', 'published', 'closed')),
	CONSTRAINT "qv_version_check" CHECK(version >= 1)
);
--> statement-breakpoint
CREATE TABLE `questionnaires` (
	`id` text PRIMARY KEY NOT NULL,
	`survey` text NOT NULL,
	`title` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `review_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`interview_id` text NOT NULL,
	`revision` integer NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`question` text,
	`comment` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_events_interview_idx` ON `review_events` (`interview_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_hash_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_unique` ON `teams` (`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`team_id` text,
	`password_hash` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK(role in ('admin', 'coordinator', 'supervisor', 'enumerator', 'analyst'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_team_idx` ON `users` (`team_id`);