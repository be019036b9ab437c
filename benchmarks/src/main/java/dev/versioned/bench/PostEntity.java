package dev.versioned.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The Hibernate entity of {@code bench_post}. */
@Entity
@Table(name = "bench_post")
public class PostEntity {
  @Id
  @Column(name = "id")
  private long id;

  @Column(name = "title")
  private String title;

  @Column(name = "body")
  private String body;

  @Column(name = "views")
  private int views;

  @Version
  @Column(name = "lock_version")
  private int lockVersion;

  /** For Hibernate. */
  public PostEntity() {}

  PostEntity(long id, String title, String body, int views, int lockVersion) {
    this.id = id;
    this.title = title;
    this.body = body;
    this.views = views;
    this.lockVersion = lockVersion;
  }

  long getId() {
    return id;
  }

  String getTitle() {
    return title;
  }

  void setTitle(String title) {
    this.title = title;
  }

  String getBody() {
    return body;
  }

  int getViews() {
    return views;
  }

  void setViews(int views) {
    this.views = views;
  }

  int getLockVersion() {
    return lockVersion;
  }
}
