// Worker entry for graphs that did not come with an idle edge worker (see analysis-helper.ts).
// Imports nothing heavy, so it starts quickly.
import { workerData } from 'node:worker_threads';
import { runAnalysisJob, type AnalysisJob } from './analysis-job.js';

runAnalysisJob(workerData as AnalysisJob);
