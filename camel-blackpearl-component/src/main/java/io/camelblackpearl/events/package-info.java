/**
 * Job events: what changed on the appliance between two looks at its job lists (created, priority
 * changed, waiting, completed, canceled), and the state that makes each change reported exactly once,
 * across restarts too. Plain Java over the {@code ds3} model: the Camel consumer delivers what this finds.
 */
package io.camelblackpearl.events;
