package io.preverified;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/**
 * A {@code @JdbcTest} slice on the tests' real PostgreSQL ({@link TestDatabase}), with
 * the schema Flyway migrates and a {@link MutableClock}; each test runs in a transaction
 * that is rolled back. The classes under test are imported by the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ TestDatabaseConfiguration.class, MutableClockConfiguration.class })
public @interface DatabaseSlice {

}
