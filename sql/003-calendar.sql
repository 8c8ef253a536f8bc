-- 003-calendar: the working-day calendar (modules/core/calendar.c,
-- doc/calendar.md).  Only the days that differ from the weekly rule are
-- stored: holidays (any day off, a weekend day inside a holiday included)
-- and adjusted working days (调休, a Saturday or Sunday worked).  Rows are
-- replaced a year at a time by `civicctl import-holidays`.
--
-- Office hours and the warning share are not settings here: they are
-- parameters of the calendar functions with documented defaults, so that
-- a computation never depends on a row someone forgot to insert.
CREATE TABLE IF NOT EXISTS calendar_day (
  day DATE NOT NULL,
  kind ENUM('holiday','workday') NOT NULL,
  name VARCHAR(40) NOT NULL,
  PRIMARY KEY (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
