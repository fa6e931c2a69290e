package io.offerdesk.catalog.internal.web;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Delivery.DataDeliveryMethod;
import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductCommands.ChangeVisibility;
import io.offerdesk.catalog.ProductCommands.ProductQuery;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.Visibility;
import io.offerdesk.catalog.internal.domain.PricingRules;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The product pages: the list with filters, the product, the create and edit form fitted to the product type (with a
 * dimensions editor), the list-price editor and the visibility buttons. Form buttons named {@code action} add or
 * remove rows by a server round trip, so the pages work without JavaScript.
 */
@Controller
class ProductPages {

    private final CatalogManagement catalog;

    ProductPages(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/products")
    String list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String visibility,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        var selectedType = FormRows.enumValue(ProductType.class, type);
        var selectedVisibility = FormRows.enumValue(Visibility.class, visibility);
        var cursor = after != null && ProductId.isValid(after) ? after : null;
        model.addAttribute(
                "page",
                catalog.products(
                        me, new ProductQuery(selectedType, selectedVisibility, cursor, ProductQuery.DEFAULT_LIMIT)));
        model.addAttribute("type", selectedType);
        model.addAttribute("visibility", selectedVisibility);
        model.addAttribute("types", ProductType.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("operator", me.isOperator());
        model.addAttribute("authors", mayAuthor(me));
        return "catalog/products";
    }

    @GetMapping("/products/new")
    String newProduct(OfferdeskPrincipal me, @RequestParam(required = false) @Nullable String type, Model model) {
        requireAuthor(me);
        var chosen = FormRows.enumValue(ProductType.class, type);
        var owned = CatalogManagement.typesOwnedBy(me.partyKind());
        var view = form(
                model, null, ProductForm.blank(chosen != null && owned.contains(chosen) ? chosen : owned.getFirst()));
        model.addAttribute("types", owned);
        return view;
    }

    @PostMapping("/products/new")
    String create(
            OfferdeskPrincipal me,
            @RequestParam Map<String, String> params,
            @RequestParam(required = false) @Nullable String action,
            Model model) {
        requireAuthor(me);
        var type = FormRows.enumValue(ProductType.class, params.get("type"));
        var form = ProductForm.from(type == null ? ProductType.SAAS : type, params);
        return edited(
                model,
                null,
                form,
                action,
                () -> "redirect:/products/"
                        + catalog.create(me, form.toCreate()).id().value());
    }

    @GetMapping("/products/{productId}")
    String detail(OfferdeskPrincipal me, @PathVariable String productId, Model model) {
        var product = catalog.product(me, id(productId));
        model.addAttribute("product", product);
        var offer = product.publicOffer();
        model.addAttribute("prices", offer == null ? List.of() : offer.prices());
        model.addAttribute("editable", CatalogManagement.mayEdit(me, product));
        model.addAttribute(
                "nextVisibilities",
                Arrays.stream(Visibility.values())
                        .filter(product.visibility()::canBecome)
                        .toList());
        return "catalog/product";
    }

    @GetMapping("/products/{productId}/edit")
    String edit(OfferdeskPrincipal me, @PathVariable String productId, Model model) {
        var product = editable(me, productId);
        return form(model, product, ProductForm.of(product));
    }

    @PostMapping("/products/{productId}/edit")
    String update(
            OfferdeskPrincipal me,
            @PathVariable String productId,
            @RequestParam Map<String, String> params,
            @RequestParam(required = false) @Nullable String action,
            Model model,
            RedirectAttributes redirect) {
        var product = editable(me, productId);
        var form = ProductForm.from(product.type(), params);
        return edited(model, product, form, action, () -> {
            catalog.update(me, product.id(), form.toUpdate());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/products/" + product.id().value();
        });
    }

    @GetMapping("/products/{productId}/public-offer")
    String publicOffer(OfferdeskPrincipal me, @PathVariable String productId, Model model) {
        var product = editable(me, productId);
        return offerForm(model, product, PublicOfferForm.of(product));
    }

    @PostMapping("/products/{productId}/public-offer")
    String savePublicOffer(
            OfferdeskPrincipal me,
            @PathVariable String productId,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "pricingModels", required = false) @Nullable List<String> models,
            @RequestParam(required = false) @Nullable String action,
            Model model,
            RedirectAttributes redirect) {
        var product = editable(me, productId);
        var form = PublicOfferForm.from(params, models);
        if ("addPrice".equals(action)) {
            return offerForm(model, product, form.withPriceAdded());
        }
        if (action != null && action.startsWith("removePrice:")) {
            return offerForm(model, product, form.withPriceRemoved(index(action)));
        }
        try {
            catalog.setPublicOffer(me, product.id(), form.toCommand());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/products/" + product.id().value();
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
        } catch (Conflict conflict) {
            model.addAttribute("conflict", conflict);
        }
        return offerForm(model, product, form);
    }

    @PostMapping("/products/{productId}/visibility")
    String changeVisibility(
            OfferdeskPrincipal me,
            @PathVariable String productId,
            @RequestParam(required = false) @Nullable String visibility,
            @RequestParam(required = false) @Nullable String version,
            RedirectAttributes redirect) {
        var id = id(productId);
        var page = "redirect:/products/" + id.value();
        return FormSubmission.attempt(redirect, page, () -> {
            var change =
                    new ChangeVisibility(FormRows.enumValue(Visibility.class, visibility), FormRows.longValue(version));
            catalog.changeVisibility(me, id, change);
            redirect.addFlashAttribute("saved", true);
            return page;
        });
    }

    @PostMapping("/products/{productId}/delete")
    String delete(
            OfferdeskPrincipal me,
            @PathVariable String productId,
            @RequestParam(required = false) @Nullable String version,
            RedirectAttributes redirect) {
        var id = id(productId);
        return FormSubmission.attempt(redirect, "redirect:/products/" + id.value(), () -> {
            catalog.delete(me, id, FormRows.longValue(version));
            redirect.addFlashAttribute("deleted", id.value());
            return "redirect:/products";
        });
    }

    /** Handles the row buttons, or saves; on invalid input shows the form again with the violations. */
    private String edited(
            Model model, @Nullable Product product, ProductForm form, @Nullable String action, Supplier<String> save) {
        if ("addDimension".equals(action)) {
            return form(model, product, form.withDimensionAdded());
        }
        if (action != null && action.startsWith("removeDimension:")) {
            return form(model, product, form.withDimensionRemoved(index(action)));
        }
        if ("addAmi".equals(action)) {
            return form(model, product, form.withAmiAdded());
        }
        if ("addContainerImage".equals(action)) {
            return form(model, product, form.withImageAdded());
        }
        try {
            return save.get();
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
        } catch (Conflict conflict) {
            model.addAttribute("conflict", conflict);
        }
        return form(model, product, form);
    }

    private String form(Model model, @Nullable Product product, ProductForm form) {
        model.addAttribute("product", product);
        model.addAttribute("form", form.padded());
        model.addAttribute("types", ProductType.values());
        model.addAttribute(
                "dimensionTypes",
                Arrays.stream(DimensionType.values())
                        .filter(form.type()::allows)
                        .toList());
        model.addAttribute("deliveryMethods", DataDeliveryMethod.values());
        return "catalog/productForm";
    }

    private String offerForm(Model model, Product product, PublicOfferForm form) {
        model.addAttribute("product", product);
        model.addAttribute("form", form.padded());
        model.addAttribute(
                "models",
                Arrays.stream(PricingModel.values())
                        .filter(product.type()::allows)
                        .toList());
        model.addAttribute(
                "pricedModels",
                Arrays.stream(PricingModel.values())
                        .filter(m -> product.type().allows(m) && m.hasPrices())
                        .toList());
        model.addAttribute(
                "durations",
                PricingRules.CONTRACT_DURATIONS_MONTHS.stream().sorted().toList());
        return "catalog/publicOffer";
    }

    private Product editable(OfferdeskPrincipal me, String productId) {
        var product = catalog.product(me, id(productId));
        if (!CatalogManagement.mayEdit(me, product)) {
            throw new AccessDeniedException("only the seller's administrators and offer authors change products");
        }
        return product;
    }

    private static boolean mayAuthor(OfferdeskPrincipal me) {
        return !CatalogManagement.typesOwnedBy(me.partyKind()).isEmpty()
                && (me.has(Role.ADMIN) || me.has(Role.OFFER_AUTHOR));
    }

    private static void requireAuthor(OfferdeskPrincipal me) {
        if (!mayAuthor(me)) {
            throw new AccessDeniedException("only sellers' administrators and offer authors create products");
        }
    }

    private static int index(String action) {
        var number = FormRows.integer(action.substring(action.indexOf(':') + 1));
        return number == null ? -1 : number;
    }

    private static ProductId id(String text) {
        return ProductId.parse(text).orElseThrow(() -> new NotFound("product", text));
    }
}
