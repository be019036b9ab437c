/**
 * HTTP conditional requests on versioned records for Spring MVC: {@link
 * dev.versioned.spring.web.ConditionalRequests} turns versions into strong {@code ETag}s and
 * checks {@code If-Match}; {@link dev.versioned.spring.web.ConditionalRequestsAdvice} answers the
 * refusals with RFC 9457 problem bodies.
 */
package dev.versioned.spring.web;
