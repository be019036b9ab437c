package dev.versioned.sampleweb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page: a list of products and a form to edit one. Every form carries the version it was
 * opened at (a hidden field), and every write is checked against it by the generated repository,
 * so a save or delete from a stale copy never overwrites anyone: the person sees the conflict
 * view and chooses to reapply their changes or discard them.
 */
@Controller
public class ProductPageController {
  private final ProductRepository products;

  ProductPageController(ProductRepository products) {
    this.products = products;
  }

  /**
   * Every product, by key.
   *
   * @return the list page
   */
  @GetMapping("/")
  public ModelAndView list() {
    List<Product> all = new ArrayList<>(products.findAll());
    all.sort(Comparator.comparingLong(Product::id));
    return new ModelAndView("list").addObject("products", all);
  }

  /**
   * The edit form of one product, as stored now.
   *
   * @param id the key
   * @return the form, or the page saying the product is gone
   */
  @GetMapping("/products/{id}")
  public ModelAndView edit(@PathVariable long id) {
    Optional<Product> product = products.findById(id);
    if (product.isEmpty()) {
      return gone(id);
    }
    return editView(product.get(), ProductForm.of(product.get()), null);
  }

  /**
   * Saves the form: only the fields the person changed, and only if the product is still at the
   * version the form was opened at ({@code updateChanged} checks it in the same statement).
   *
   * @param id the key
   * @param form the form as sent
   * @param redirect where the outcome is told after the redirect
   * @return a redirect to the saved product, the form with its errors, or the conflict view
   */
  @PostMapping("/products/{id}")
  public ModelAndView save(
      @PathVariable long id,
      @ModelAttribute("form") ProductForm form,
      RedirectAttributes redirect) {
    ProductValues mine;
    Product opened;
    try {
      mine = form.values();
      opened = form.openedCopy(id);
    } catch (InvalidProductException e) {
      Optional<Product> current = products.findById(id);
      if (current.isEmpty()) {
        return gone(id);
      }
      ModelAndView view = editView(current.get(), form, e);
      view.setStatus(HttpStatusCode.valueOf(422)); // Unprocessable Content
      return view;
    }
    if (mine.equals(opened.values())) {
      redirect.addFlashAttribute("message", "Nothing to save: you did not change any field.");
      return redirectTo(id);
    }
    try {
      Product saved = products.updateChanged(opened, opened.with(mine));
      redirect.addFlashAttribute(
          "message", "Saved. This product is now at version " + saved.lockVersion() + ".");
      return redirectTo(id);
    } catch (OptimisticLockingFailureException e) {
      return conflict(id, form, opened, mine, false);
    }
  }

  /**
   * The person's choice on the conflict view. {@code reapply}: the fields the person changed are
   * written on top of the current record (the version the conflict view showed, checked by {@code
   * updateChanged}); {@code discard}: nothing is written and the current record is shown.
   *
   * @param id the key
   * @param choice {@code reapply} or {@code discard}
   * @param currentVersion the version the conflict view showed as current
   * @param form the person's values and the values and version they opened
   * @param redirect where the outcome is told after the redirect
   * @return a redirect to the product, or the conflict view again when it changed once more
   */
  @PostMapping("/products/{id}/resolve")
  public ModelAndView resolve(
      @PathVariable long id,
      @RequestParam String choice,
      @RequestParam long currentVersion,
      @ModelAttribute("form") ProductForm form,
      RedirectAttributes redirect) {
    if (choice.equals("discard")) {
      redirect.addFlashAttribute(
          "message", "Your changes were discarded. The form shows the current values.");
      return redirectTo(id);
    }
    if (!choice.equals("reapply")) {
      throw new IllegalArgumentException("choice: expected reapply or discard, was " + choice);
    }
    ProductValues mine = form.values();
    Product opened = form.openedCopy(id);
    Optional<Product> found = products.findById(id);
    if (found.isEmpty()) {
      return gone(id);
    }
    Product current = found.get();
    if (current.lockVersion() != currentVersion) {
      return conflict(id, form, opened, mine, true); // changed again while the person decided
    }
    ProductValues merged = ProductValues.reapply(opened.values(), mine, current.values());
    try {
      Product saved = products.updateChanged(current, current.with(merged));
      redirect.addFlashAttribute(
          "message",
          saved.lockVersion() == current.lockVersion()
              ? "Nothing to reapply: the current values already hold your changes."
              : "Saved your changes on top of version "
                  + current.lockVersion()
                  + ". This product is now at version "
                  + saved.lockVersion()
                  + ".");
      return redirectTo(id);
    } catch (OptimisticLockingFailureException e) {
      return conflict(id, form, opened, mine, true);
    }
  }

  /**
   * Deletes the product, only if it is still at the version the form was opened at.
   *
   * @param id the key
   * @param form the version and values the person opened
   * @param redirect where the outcome is told after the redirect
   * @return a redirect to the list, or the view refusing a stale delete
   */
  @PostMapping("/products/{id}/delete")
  public ModelAndView delete(
      @PathVariable long id,
      @ModelAttribute("form") ProductForm form,
      RedirectAttributes redirect) {
    Product opened = form.openedCopy(id);
    try {
      products.delete(opened);
      redirect.addFlashAttribute("message", "Deleted \u201c" + opened.name() + "\u201d.");
      return new ModelAndView("redirect:/");
    } catch (OptimisticLockingFailureException e) {
      Optional<Product> current = products.findById(id);
      if (current.isEmpty()) {
        return gone(id);
      }
      return new ModelAndView("delete-conflict", HttpStatus.CONFLICT)
          .addObject("opened", opened)
          .addObject("current", current.get())
          .addObject("rows", ConflictRow.rows(opened.values(), opened.values(), current.get()))
          .addObject("form", ProductForm.of(current.get()));
    }
  }

  /**
   * A form that cannot be read: a choice other than the two buttons', or altered hidden fields.
   *
   * @param e what is wrong
   * @return {@code 400} with the reason
   */
  @ExceptionHandler(IllegalArgumentException.class)
  public ModelAndView badRequest(IllegalArgumentException e) {
    return new ModelAndView("bad-request", HttpStatus.BAD_REQUEST)
        .addObject("reason", e.getMessage());
  }

  private ModelAndView conflict(
      long id, ProductForm form, Product opened, ProductValues mine, boolean again) {
    Optional<Product> current = products.findById(id);
    if (current.isEmpty()) {
      return gone(id);
    }
    Set<ProductField> changed = mine.differencesFrom(opened.values());
    return new ModelAndView("conflict", HttpStatus.CONFLICT)
        .addObject("opened", opened)
        .addObject("current", current.get())
        .addObject("again", again)
        .addObject("changedLabels", ConflictRow.labels(changed))
        .addObject("rows", ConflictRow.rows(opened.values(), mine, current.get()))
        .addObject("form", form);
  }

  private static ModelAndView editView(
      Product current, ProductForm form, InvalidProductException invalid) {
    return new ModelAndView("edit")
        .addObject("product", current)
        .addObject("form", form)
        .addObject("errors", invalid == null ? Map.of() : invalid.fieldMessages());
  }

  private static ModelAndView gone(long id) {
    return new ModelAndView("gone", HttpStatus.NOT_FOUND).addObject("id", id);
  }

  private static ModelAndView redirectTo(long id) {
    return new ModelAndView("redirect:/products/" + id);
  }
}
