package dev.versioned.processor.writer;

import com.palantir.javapoet.ClassName;

/**
 * The classes of the runtime, jOOQ and the JDK that generated repositories name, declared once for
 * every writer.
 */
final class TypeNames {
  static final ClassName CONFLICT_OPERATION =
      ClassName.get("dev.versioned", "ConflictEvent", "Operation");
  static final ClassName RETRY_POLICY = ClassName.get("dev.versioned", "RetryPolicy");
  static final ClassName STALE_BATCH = ClassName.get("dev.versioned", "StaleBatchException");
  static final ClassName STALE = ClassName.get("dev.versioned", "StaleRecordException");
  static final ClassName OVERFLOW = ClassName.get("dev.versioned", "VersionOverflowException");
  static final ClassName ARGUMENTS = ClassName.get("dev.versioned.support", "Arguments");
  static final ClassName BATCHES = ClassName.get("dev.versioned.support", "Batches");
  static final ClassName DESCRIPTOR_TYPE =
      ClassName.get("dev.versioned.support", "RepositoryDescriptor");
  static final ClassName CACHED = ClassName.get("dev.versioned.support", "CachedStatement");
  static final ClassName CACHED_FAMILY = ClassName.get("dev.versioned.support", "CachedStatements");
  static final ClassName CONFLICTS = ClassName.get("dev.versioned.support", "Conflicts");
  static final ClassName JDBC = ClassName.get("dev.versioned.support", "Jdbc");
  static final ClassName LOCKING = ClassName.get("dev.versioned.support", "Locking");
  static final ClassName PARENT_TOUCH = ClassName.get("dev.versioned.support", "ParentTouch");
  static final ClassName RETRY = ClassName.get("dev.versioned.support", "Retry");
  static final ClassName ROWS = ClassName.get("dev.versioned.support", "Rows");
  static final ClassName TIMESTAMP_VERSIONS =
      ClassName.get("dev.versioned.support", "TimestampVersions");
  static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
  static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");
  static final ClassName CHRONO_UNIT = ClassName.get("java.time.temporal", "ChronoUnit");
  static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  static final ClassName COLLECTION = ClassName.get("java.util", "Collection");
  static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName UNARY_OPERATOR = ClassName.get("java.util.function", "UnaryOperator");
  static final ClassName CONDITION = ClassName.get("org.jooq", "Condition");
  static final ClassName CONVERTER = ClassName.get("org.jooq", "Converter");
  static final ClassName DSL_CONTEXT = ClassName.get("org.jooq", "DSLContext");
  static final ClassName DATA_TYPE = ClassName.get("org.jooq", "DataType");
  static final ClassName FIELD = ClassName.get("org.jooq", "Field");
  static final ClassName IDENTITY = ClassName.get("org.jooq", "Identity");
  static final ClassName INSERT_STEP = ClassName.get("org.jooq", "InsertSetMoreStep");
  static final ClassName QUERY = ClassName.get("org.jooq", "Query");
  static final ClassName RECORD = ClassName.get("org.jooq", "Record");
  static final ClassName SELECT_STEP = ClassName.get("org.jooq", "SelectConditionStep");
  static final ClassName TABLE = ClassName.get("org.jooq", "Table");
  static final ClassName TABLE_FIELD = ClassName.get("org.jooq", "TableField");
  static final ClassName DATA_ACCESS = ClassName.get("org.jooq.exception", "DataAccessException");
  static final ClassName DSL = ClassName.get("org.jooq.impl", "DSL");
  static final ClassName INTERNAL = ClassName.get("org.jooq.impl", "Internal");
  static final ClassName SQL_DATA_TYPE = ClassName.get("org.jooq.impl", "SQLDataType");
  static final ClassName TABLE_IMPL = ClassName.get("org.jooq.impl", "TableImpl");
  static final ClassName OPERATION = STALE.nestedClass("Operation");

  private TypeNames() {}
}
