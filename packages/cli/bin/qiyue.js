#!/usr/bin/env node
import { main } from "../dist/main.js";
import { guardStandardStreams } from "../dist/streams.js";

// A closed pipe (`qiyue templates list | head`) stops quietly; a full disk is a message, not a stack trace.
guardStandardStreams();

process.exitCode = await main(process.argv.slice(2));
