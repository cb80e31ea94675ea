package org.iys.web.rest.retailer;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import org.iys.application.retailer.Retailers;
import org.iys.domain.retailer.PageRequest;
import org.iys.domain.retailer.Place;
import org.iys.domain.retailer.Retailer;
import org.iys.domain.retailer.RetailerDetails;

/** Retailers as the reference writes them; a field the business left out is left out here too. */
final class RetailerJson {

  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private RetailerJson() {}

  static JsonObjectBuilder full(Retailer retailer) {
    RetailerDetails d = retailer.details();
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("retailerCode", retailer.retailerCode());
    json.add("title", d.title());
    optional(json, "mersis", d.mersis());
    optional(json, "alias", d.alias());
    json.add("name", d.name()).add("tckn", d.tckn());
    optional(json, "mobile", d.mobile());
    return json.add("tin", d.tin())
        .add("city", place(d.city()))
        .add("town", place(d.town()))
        .add("status", d.status().wire());
  }

  static JsonObject listed(Retailers.Listed listed, boolean brief) {
    if (brief) {
      Retailer retailer = listed.retailer();
      RetailerDetails d = retailer.details();
      return JSON.createObjectBuilder()
          .add("title", d.title())
          .add("city", place(d.city()))
          .add("retailerAccessCount", listed.accessCount())
          .add("retailerCode", retailer.retailerCode())
          .add("status", d.status().wire())
          .build();
    }
    return full(listed.retailer()).add("retailerAccessCount", listed.accessCount()).build();
  }

  static JsonObject page(
      List<JsonObject> list, long totalCount, PageRequest page, boolean withCurrentPage) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    list.forEach(items::add);
    JsonObjectBuilder pagination =
        JSON.createObjectBuilder()
            .add("offset", page.offset())
            .add("pageSize", list.size())
            .add("totalCount", totalCount);
    if (withCurrentPage) {
      pagination.add("currentPage", page.currentPage());
    }
    return JSON.createObjectBuilder().add("pagination", pagination).add("list", items).build();
  }

  private static JsonObjectBuilder place(Place place) {
    return JSON.createObjectBuilder().add("name", place.name()).add("code", place.code());
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
