CREATE TABLE `demo_reviews` (
	`interview_id` text PRIMARY KEY NOT NULL,
	`team` text NOT NULL,
	`outcome` integer NOT NULL,
	`decision` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE no action
);
