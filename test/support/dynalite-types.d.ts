// dynalite ships no types; this is the part the tests use (its index.js documents the options).
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** How long a new table stays CREATING; 0 makes it ACTIVE at once. */
    createTableMs?: number;
  }

  export default function dynalite(options?: DynaliteOptions): Server;
}
