ALTER TABLE `jobs` ADD `priority` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
CREATE INDEX `jobs_claim_idx` ON `jobs` (`status`,`priority`,`id`);--> statement-breakpoint
-- jobs queued before the upgrade: a revision keeps its place ahead (class revision, 0); the others become background (2)
UPDATE `jobs` SET `priority` = 0 WHERE `kind` = 'validate-answers' AND `revision` > 1 AND `status` IN ('pending', 'running');
