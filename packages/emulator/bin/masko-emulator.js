#!/usr/bin/env node
// Committed so npm links `masko-emulator` at install time, before dist/ is built (npm skips a missing bin).
import { main } from '../dist/cli.js';

void main();
