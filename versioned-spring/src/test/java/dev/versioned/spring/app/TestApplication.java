package dev.versioned.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.retry.annotation.EnableRetry;

/** A Spring Boot application as a user writes it, on Boot's defaults. */
@SpringBootApplication
@EnableRetry
public class TestApplication {}
