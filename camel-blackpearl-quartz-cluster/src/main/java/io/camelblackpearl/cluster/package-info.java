/**
 * The escalation's Quartz trigger on several nodes: Quartz's own JDBC job-store clustering configured,
 * checked for the settings failover needs, its tables provisioned, stale triggers removed. Used by the
 * sample application and the Spring Boot starter; depends on Camel's quartz component, not on the component.
 */
package io.camelblackpearl.cluster;
