#!/usr/bin/env node
// Committed so npm links `masko` at install time, before dist/ is built (npm skips a bin whose file is missing).
import { runCli } from '../dist/cli.js';

void runCli();
