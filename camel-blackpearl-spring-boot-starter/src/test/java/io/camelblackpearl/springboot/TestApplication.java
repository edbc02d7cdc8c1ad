package io.camelblackpearl.springboot;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's Boot application: nothing but the starter and its properties. */
@SpringBootApplication
public class TestApplication {
}
