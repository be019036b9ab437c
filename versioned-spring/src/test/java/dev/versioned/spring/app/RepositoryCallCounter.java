package dev.versioned.spring.app;

import java.util.concurrent.atomic.AtomicInteger;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** A logging aspect on a generated repository: counts the calls it sees (the benchmark turns it off). */
@Aspect
@Component
@ConditionalOnProperty(name = "versioned.test.count-repository-calls", matchIfMissing = true)
public class RepositoryCallCounter {
  private final AtomicInteger calls = new AtomicInteger();

  /**
   * Counts a call of the repository.
   *
   * @param call the call
   * @return its result
   * @throws Throwable what it throws
   */
  @Around("execution(public * dev.versioned.spring.app.AccountRepository.*(..))")
  public Object count(ProceedingJoinPoint call) throws Throwable {
    calls.incrementAndGet();
    return call.proceed();
  }

  /**
   * The calls seen.
   *
   * @return the count
   */
  public int calls() {
    return calls.get();
  }
}
