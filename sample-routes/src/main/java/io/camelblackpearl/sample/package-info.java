/** The runnable sample: Camel Main with BlackPearl routes, on the embedded simulator or a real appliance. */
package io.camelblackpearl.sample;
