package dev.versioned.it;

import dev.versioned.Convert;
import dev.versioned.Versioned;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Every type mapped without a converter, plus an enum and a converted type.
 *
 * @param id key
 * @param text String
 * @param flag boolean
 * @param flagBox Boolean
 * @param small short
 * @param smallBox Short
 * @param number int
 * @param numberBox Integer
 * @param big long
 * @param bigBox Long
 * @param real float
 * @param realBox Float
 * @param dbl double
 * @param dblBox Double
 * @param decimal BigDecimal
 * @param integer BigInteger
 * @param bytes byte[]
 * @param uuid UUID
 * @param date LocalDate
 * @param time LocalTime
 * @param dateTime LocalDateTime
 * @param offsetDateTime OffsetDateTime
 * @param instant Instant
 * @param color an enum
 * @param price a converted type
 * @param lockVersion the version
 */
@Versioned
public record Everything(
    long id,
    String text,
    boolean flag,
    Boolean flagBox,
    short small,
    Short smallBox,
    int number,
    Integer numberBox,
    long big,
    Long bigBox,
    float real,
    Float realBox,
    double dbl,
    Double dblBox,
    BigDecimal decimal,
    BigInteger integer,
    byte[] bytes,
    UUID uuid,
    LocalDate date,
    LocalTime time,
    LocalDateTime dateTime,
    OffsetDateTime offsetDateTime,
    Instant instant,
    Color color,
    @Convert(MoneyConverter.class) Money price,
    long lockVersion) {}
