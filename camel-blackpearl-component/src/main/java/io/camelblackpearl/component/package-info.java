/**
 * The Camel face of the project: the {@code blackpearl:} component, its endpoint, configuration,
 * headers and producer. It may import {@code io.camelblackpearl.ds3} (and later the escalation layer);
 * those never import it.
 */
package io.camelblackpearl.component;
