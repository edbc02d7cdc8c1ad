/**
 * The escalation's Camel side, above the component: the processor the Kamelet {@code blackpearl-escalation}
 * runs (lists through {@code blackpearl:activeJob}, plans with the policy, modifies, audits), its readiness
 * check {@code blackpearl-escalation}, its meters (in the application's Micrometer registry, when it has one),
 * the {@code blackpearl-escalation} dev console, and the compilation of policy conditions as Camel Simple. The
 * Kamelets themselves are in the jar's {@code kamelets/} folder.
 */
package io.camelblackpearl.escalation.route;
