// Worker entry for graphs that did not come with an idle edge worker (see distance-helper.ts).
// Imports nothing heavy, so it starts quickly.
import { workerData } from 'node:worker_threads';
import { runDistanceJob, type DistanceJob } from './distance-job.js';

runDistanceJob(workerData as DistanceJob);
