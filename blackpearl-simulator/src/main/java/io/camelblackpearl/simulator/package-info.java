/**
 * An in-process BlackPearl: a DS3 server for the active-job API that signs, pages, fails and answers
 * like an appliance, for tests, demos and benchmarks. It depends on HttpCore 5 only and shares no code
 * with the component, so that the two check each other against docs/ds3-protocol.md.
 */
package io.camelblackpearl.simulator;
