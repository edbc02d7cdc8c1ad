/**
 * Priority escalation as data and a pure function: a policy (rules with selectors, age ladders and
 * ceilings, plus global guards) loaded and validated from YAML, and a planner that turns (active jobs,
 * now, policy) into decisions. It imports the DS3 model only: no Camel, no HTTP. Conditions written in
 * Camel Simple are compiled by the Camel layer and arrive here as plain predicates.
 */
package io.camelblackpearl.escalation;
