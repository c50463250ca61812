CREATE TABLE `release_tables` (
	`release_id` integer NOT NULL,
	`table_id` text NOT NULL,
	`lang` text NOT NULL,
	`format` text NOT NULL,
	`type` text NOT NULL,
	`filename` text NOT NULL,
	`body` blob NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`release_id`, `table_id`, `lang`, `format`),
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey` text NOT NULL,
	`run_id` integer NOT NULL,
	`name` text NOT NULL,
	`date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`published_by` text,
	`published_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`retired_by` text,
	`retired_at` integer,
	FOREIGN KEY (`run_id`) REFERENCES `weighting_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`retired_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `releases_survey_name_idx` ON `releases` (`survey`,`name`);--> statement-breakpoint
CREATE TABLE `weighted_frames` (
	`run_id` integer NOT NULL,
	`unit` text NOT NULL,
	`rows` integer NOT NULL,
	`meta` text,
	`columns` text NOT NULL,
	`numbers` blob NOT NULL,
	PRIMARY KEY(`run_id`, `unit`),
	FOREIGN KEY (`run_id`) REFERENCES `weighting_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `weighting_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey` text NOT NULL,
	`started_by` text,
	`started_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`finished_at` integer,
	`state` text DEFAULT 'queued' NOT NULL,
	`failure_code` text,
	`failure_reason` text,
	`input_hash` text,
	`input_count` integer,
	`design_version` text,
	`recipe_version` text,
	`node` text NOT NULL,
	`heartbeat_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`summary` text,
	`report` text,
	`report_markdown` text,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "weighting_runs_state_check" CHECK(state in ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `weighting_runs_survey_idx` ON `weighting_runs` (`survey`,`id`);