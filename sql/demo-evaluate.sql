-- demo-evaluate: STUB, to be written: the evaluation's demo data.
SELECT 1;
