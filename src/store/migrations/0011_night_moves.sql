-- hdreg schema v11: two moves the night makes. An application open on a certificate that
-- is cancelled is refused by the night that carries the cancellation out (5.1.6, 6.5 h:
-- 审核通过的，应对外公示及注销), from whichever status it waited in (src/procedure/intake.h,
-- INTAKE_AWAITS_AUTHORITY_CANCEL: while a cancellation on the authority's own motion is
-- open, the night neither reviews, nor publishes, nor certifies what was applied for on
-- the same certificate). Until v11 such an application was withdrawn by the authority
-- when it opened its cancellation, although a withdrawal is the applicant's (6) and the
-- cancellation could still be refused. The night's review refused from 'submitted'
-- already; these are the other open statuses. On the register's chain like every
-- transition (store.c chains the rows this migration adds).
INSERT OR IGNORE INTO transitions
  SELECT f.flow, s.status, 'rejected', 'night', '5.1.6', '证书已注销，申请所涉权利不存在，不予登记'
    FROM (SELECT 'ordinary' AS flow UNION ALL SELECT 'simplified' UNION ALL SELECT 'cancel') f,
         (SELECT 'rectify' AS status UNION ALL SELECT 'held' UNION ALL SELECT 'committee_review'
          UNION ALL SELECT 'approved' UNION ALL SELECT 'notice') s
   WHERE NOT (f.flow <> 'ordinary' AND s.status = 'committee_review');

-- A case on notice whose certificate's validity would end before it is issued (the
-- licence, the certificate it is licensed from, or the certificate a transfer or change
-- replaces has ended: 5.1.3, 5.1.4, 5.1.5, 5.2.1) goes back to review, by the night that
-- finds it due (src/procedure/run.c): the review then asks for a licence in force (补正)
-- or refuses, with its letter. Until v11 it failed night after night until a person
-- moved it.
INSERT OR IGNORE INTO transitions VALUES
  ('ordinary',   'notice', 'submitted', 'night', '5.1.3', '有效期限于发证前届满，重新审核'),
  ('simplified', 'notice', 'submitted', 'night', '5.1.3', '有效期限于发证前届满，重新审核');

-- The applications on one certificate, found by the night for every case it takes up
-- (src/procedure/intake.h: INTAKE_AWAITS_AUTHORITY_CANCEL) and by intake: without an
-- index each lookup read the whole table, and a night of n cases took n² steps.
CREATE INDEX cases_prior ON cases(prior_certificate_id);
