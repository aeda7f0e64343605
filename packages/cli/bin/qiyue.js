#!/usr/bin/env node
// first: V8 tuned for a short-lived command, before anything else is loaded
import "../dist/v8-tuning.js";
import { main } from "../dist/main.js";
import { guardStandardStreams } from "../dist/streams.js";

// A closed pipe (`qiyue templates list | head`) stops quietly; a full disk is a message, not a stack trace.
guardStandardStreams();

process.exitCode = await main(process.argv.slice(2));
