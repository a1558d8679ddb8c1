#include <map>

#include "onemap/sample/scene.h"

namespace onemap::sample {

std::string landUseName(const std::string& dlbm) {
  static const std::map<std::string, std::string> names{
      {"0101", "水田"},     {"0102", "水浇地"},       {"0103", "旱地"},       {"0201", "果园"},
      {"0202", "茶园"},     {"0204", "其他园地"},     {"0301", "乔木林地"},   {"0302", "竹林地"},
      {"0305", "灌木林地"}, {"0307", "其他林地"},     {"0404", "其他草地"},   {"0601", "工业用地"}, {"0604", "仓储用地"},
      {"0701", "城镇住宅用地"}, {"0702", "农村宅基地"}, {"1003", "公路用地"}, {"1006", "农村道路"},
      {"1101", "河流水面"}, {"1104", "坑塘水面"},     {"1107", "沟渠"},       {"1202", "设施农用地"},
      {"1201", "空闲地"},
  };
  auto it = names.find(dlbm);
  return it == names.end() ? std::string() : it->second;
}

std::string changeCategory(ChangeType type) {
  switch (type) {
    case ChangeType::Building:
    case ChangeType::Hardened:
    case ChangeType::Road: return "非农化";
    case ChangeType::Pond:
    case ChangeType::Orchard:
    case ChangeType::Nursery: return "非粮化";
  }
  return "其他";
}

std::string changeTypeName(ChangeType type) {
  switch (type) {
    case ChangeType::Building: return "building";
    case ChangeType::Hardened: return "hardened";
    case ChangeType::Road: return "road";
    case ChangeType::Pond: return "pond";
    case ChangeType::Orchard: return "orchard";
    case ChangeType::Nursery: return "nursery";
  }
  return "other";
}

std::string changeTypeNameZh(ChangeType type) {
  switch (type) {
    case ChangeType::Building: return "建筑物";
    case ChangeType::Hardened: return "硬化地面";
    case ChangeType::Road: return "道路";
    case ChangeType::Pond: return "坑塘";
    case ChangeType::Orchard: return "果园";
    case ChangeType::Nursery: return "苗圃";
  }
  return "其他";
}

std::string distractorTypeName(DistractorType type) {
  switch (type) {
    case DistractorType::Harvest: return "harvest";
    case DistractorType::Rotation: return "rotation";
    case DistractorType::Cloud: return "cloud";
    case DistractorType::CloudShadow: return "cloud_shadow";
    case DistractorType::OutsideCropland: return "outside_cropland";
  }
  return "other";
}

}  // namespace onemap::sample
